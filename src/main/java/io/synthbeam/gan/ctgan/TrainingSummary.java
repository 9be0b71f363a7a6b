package io.synthbeam.gan.ctgan;

import java.util.List;

/**
 * What a fit did: stored in the model bundle so a table's provenance can be traced.
 *
 * @param criticLoss mean critic loss (Wasserstein estimate plus penalty) per epoch
 * @param generatorLoss mean generator loss (critic score plus condition cross-entropy) per epoch
 * @param secondsPerEpoch wall time per epoch
 * @param privacy the differential-privacy guarantee (total and per part), or null for a
 *     non-private fit
 */
public record TrainingSummary(long seed, int epochs, int batchSize, long trainingRows,
    long tableRows, int threads, String options, List<Double> criticLoss,
    List<Double> generatorLoss, List<Double> secondsPerEpoch, double totalSeconds,
    String libraryVersion, PrivacyAccount privacy) {

  public TrainingSummary {
    criticLoss = List.copyOf(criticLoss);
    generatorLoss = List.copyOf(generatorLoss);
    secondsPerEpoch = List.copyOf(secondsPerEpoch);
  }
}
