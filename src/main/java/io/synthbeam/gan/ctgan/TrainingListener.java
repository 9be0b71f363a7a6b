package io.synthbeam.gan.ctgan;

/** Receives training progress; called on the training thread after each epoch. */
@FunctionalInterface
public interface TrainingListener {
  void onEpoch(EpochStats stats);

  TrainingListener NONE = s -> {};
}
