package io.synthbeam.onnx;

/** Where {@link OnnxGenerator} runs the generator. */
public enum ExecutionDevice {
  /** CUDA when the worker has a usable GPU (CUDA 12, cuDNN 9), else the CPU. */
  AUTO,
  /** The CPU execution provider. */
  CPU,
  /** The CUDA execution provider; falls back to the CPU, with a warning, when it cannot load. */
  CUDA
}
