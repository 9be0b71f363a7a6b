package io.synthbeam.validation;

/**
 * One gate's outcome.
 *
 * @param figure what was checked: {@code "utility"} or {@code "dcr_excess"}
 * @param value the measured figure (NaN when it could not be computed)
 * @param bound the bound it was held to
 * @param passed whether the figure is on the right side of the bound
 * @param message one sentence naming the figure, its value and the bound
 */
public record GateCheck(String figure, double value, double bound, boolean passed,
    String message) {}
