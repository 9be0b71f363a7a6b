package io.synthbeam.nn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Layers applied one after another; backward runs them in reverse. */
public final class Sequential implements Layer {
  private final List<Layer> layers = new ArrayList<>();
  private final List<Parameter> parameters = new ArrayList<>();

  public Sequential(Layer... layers) {
    for (Layer layer : layers) {
      add(layer);
    }
  }

  public Sequential(List<? extends Layer> layers) {
    for (Layer layer : layers) {
      add(layer);
    }
  }

  /** Appends a layer; returns this for chaining. */
  public Sequential add(Layer layer) {
    layers.add(layer);
    parameters.addAll(layer.parameters());
    return this;
  }

  public List<Layer> layers() {
    return Collections.unmodifiableList(layers);
  }

  public Layer get(int index) {
    return layers.get(index);
  }

  public int size() {
    return layers.size();
  }

  @Override
  public Tensor forward(Tensor input, boolean training) {
    Tensor x = input;
    for (int i = 0, n = layers.size(); i < n; i++) {
      x = layers.get(i).forward(x, training);
    }
    return x;
  }

  /**
   * Runs every layer's backward, last to first. Returns the input gradient, or null when the first
   * layer skips it (see {@link Linear#setNeedsInputGrad}).
   */
  @Override
  public Tensor backward(Tensor gradOutput) {
    Tensor g = gradOutput;
    for (int i = layers.size() - 1; i >= 0; i--) {
      if (g == null) {
        throw new IllegalStateException("layer " + (i + 1) + " of " + layers.size()
            + " returned no input gradient; only the first layer may skip it");
      }
      g = layers.get(i).backward(g);
    }
    return g;
  }

  /** The parameters of all layers, in layer order (a live, unmodifiable view). */
  @Override
  public List<Parameter> parameters() {
    return Collections.unmodifiableList(parameters);
  }
}
