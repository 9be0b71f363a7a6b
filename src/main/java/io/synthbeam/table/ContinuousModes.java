package io.synthbeam.table;

/**
 * The fitted modes of a continuous column, with what was counted in training.
 *
 * @param values non-null training values
 * @param nulls null training values
 * @param min smallest training value (decoded values are clipped to [min, max])
 * @param max largest training value
 * @param points point-mass values, ascending
 * @param pointShares each point mode's share of the non-null values (in the sample)
 * @param pointPosteriors for each point value, the probability that an occurrence of it is
 *     encoded with its point mode rather than a Gaussian one (1 unless the value also lies under
 *     the smooth part of an integer column, see {@link ContinuousColumnFitter})
 * @param means Gaussian means, ascending
 * @param stds Gaussian standard deviations
 * @param weights Gaussian weights within the Gaussian part, summing to 1
 * @param nullMode whether the column has a null mode (it had nulls)
 */
record ContinuousModes(long values, long nulls, double min, double max, double[] points,
    double[] pointShares, double[] pointPosteriors, double[] means, double[] stds,
    double[] weights, boolean nullMode) {}
