package io.synthbeam;

/** The library version, recorded in every model bundle. */
public final class SynthBeamVersion {
  public static final String VERSION = "0.1.0";

  private SynthBeamVersion() {}
}
