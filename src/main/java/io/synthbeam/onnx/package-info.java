/**
 * The fitted generator as an ONNX model, run through ONNX Runtime.
 *
 * <p>{@link io.synthbeam.onnx.GeneratorOnnxExporter} writes a
 * {@link io.synthbeam.gan.ctgan.FoldedGenerator} as an ONNX graph (Gemm, Relu, Concat) from its
 * noise-plus-condition input to its raw outputs; {@link io.synthbeam.onnx.OnnxGenerator} runs that
 * graph on the CUDA execution provider when the worker has CUDA 12 and cuDNN 9, and on the CPU
 * otherwise. Only the deterministic forward pass is in the graph: the noise, the tanh and the
 * Gumbel-max draws stay in Java with the seeded {@link io.synthbeam.nn.Rng}, so a seed fixes the
 * sampled rows whatever the backend (up to float rounding in the matrix products).
 */
package io.synthbeam.onnx;
