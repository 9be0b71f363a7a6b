package io.synthbeam.gan.ctgan;

/** What one training epoch reports. */
public record EpochStats(int epoch, int epochs, double criticLoss, double generatorLoss,
    double seconds, double etaSeconds) {}
