package io.synthbeam.onnx;

import ai.onnx.proto.OnnxMl;
import io.synthbeam.SynthBeamVersion;
import io.synthbeam.gan.ctgan.FoldedGenerator;
import io.synthbeam.gan.ctgan.FoldedGenerator.Affine;
import java.util.List;
import java.util.Map;
import org.tribuo.util.onnx.ONNXContext;
import org.tribuo.util.onnx.ONNXInitializer;
import org.tribuo.util.onnx.ONNXOperators;
import org.tribuo.util.onnx.ONNXPlaceholder;
import org.tribuo.util.onnx.ONNXRef;

/**
 * Writes a {@link FoldedGenerator} as an ONNX model: input {@value #INPUT_NAME} float
 * [batch, inputWidth], output {@value #OUTPUT_NAME} float [batch, outputWidth] (the raw outputs,
 * before tanh and the categorical draws), where {@code batch} is a symbolic dimension.
 *
 * <p>Each residual block is {@code Concat(axis=1)[Relu(Gemm(x, W, b)), x]}, the head is
 * {@code Gemm(x, W, b)}; every weight is an initializer. Opset {@value #OPSET}, IR version
 * {@value #IR_VERSION}: ONNX Runtime 1.20 loads it (opset 17 needs ONNX Runtime 1.12 or later).
 *
 * <pre>{@code
 * byte[] onnx = GeneratorOnnxExporter.export(model.generator());
 * try (OnnxGenerator g = OnnxGenerator.open(onnx, ExecutionDevice.AUTO)) {
 *   float[] raw = g.forward(input, rows);
 * }
 * }</pre>
 */
public final class GeneratorOnnxExporter {
  /** Name of the graph input: noise then condition vector, one row per sample. */
  public static final String INPUT_NAME = "input";
  /** Name of the graph output: the generator's raw outputs. */
  public static final String OUTPUT_NAME = "raw";
  /** Name of the symbolic batch dimension of input and output. */
  public static final String BATCH_DIM = "batch";
  /** The default-domain operator set the graph is written against. */
  public static final int OPSET = 17;
  /** ONNX IR version 8 (ONNX 1.10 to 1.14); it covers opset 17. */
  public static final int IR_VERSION = 8;
  /** Written as the model's producer name. */
  public static final String PRODUCER = "SynthBeam";
  /** Metadata key naming what the model is, checked by {@link OnnxGenerator}. */
  public static final String FORMAT_KEY = "synthbeam.format";
  /** The value of {@link #FORMAT_KEY}; bumped if the graph's contract changes. */
  public static final String FORMAT = "ctgan-generator/1";

  // A protobuf message cannot exceed 2 GiB; leave room for everything but the weights.
  private static final long MAX_WEIGHT_BYTES = (1L << 31) - (64L << 20);

  private GeneratorOnnxExporter() {}

  /** The serialized ONNX ModelProto of {@code generator}. */
  public static byte[] export(FoldedGenerator generator) {
    return exportModel(generator).toByteArray();
  }

  /** The ONNX ModelProto of {@code generator}, for callers that add metadata or inspect it. */
  public static OnnxMl.ModelProto exportModel(FoldedGenerator generator) {
    checkShapes(generator);
    OnnxMl.GraphProto graph = buildGraph(generator);
    return OnnxMl.ModelProto.newBuilder()
        .setIrVersion(IR_VERSION)
        .addOpsetImport(OnnxMl.OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
        .setProducerName(PRODUCER)
        .setProducerVersion(SynthBeamVersion.VERSION)
        .setDomain("io.synthbeam")
        .setModelVersion(1)
        .setDocString("SynthBeam CTGAN generator (BatchNorm folded): noise + condition -> raw "
            + "outputs; tanh and Gumbel-max draws are applied outside the graph")
        .addMetadataProps(property(FORMAT_KEY, FORMAT))
        .addMetadataProps(property("synthbeam.blocks", Integer.toString(generator.blocks().size())))
        .setGraph(graph)
        .build();
  }

  private static OnnxMl.GraphProto buildGraph(FoldedGenerator generator) {
    ONNXContext context = new ONNXContext();
    context.setName("synthbeam_generator");
    ONNXPlaceholder input = context.floatInput(INPUT_NAME, generator.inputWidth());
    ONNXPlaceholder output = context.floatOutput(OUTPUT_NAME, generator.outputWidth());
    ONNXRef<?> x = input;
    List<Affine> blocks = generator.blocks();
    for (int i = 0; i < blocks.size(); i++) {
      String name = "block" + i;
      ONNXRef<?> hidden = affine(context, x, blocks.get(i), name)
          .apply(ReluOperator.RELU, name + "_relu");
      // The block's output comes BEFORE its input, as in FoldedGenerator.forward.
      x = hidden.apply(ONNXOperators.CONCAT, List.of(x), List.of(name + "_concat"),
          Map.of("axis", 1)).get(0);
    }
    affine(context, x, generator.head(), "head").assignTo(output);
    return context.buildGraph();
  }

  private static ONNXRef<?> affine(ONNXContext context, ONNXRef<?> x, Affine a, String name) {
    ONNXInitializer weight = context.floatTensor(name + "_weight", List.of(a.in(), a.out()),
        buffer -> buffer.put(a.weight()));
    ONNXInitializer bias = context.array(name + "_bias", a.bias());
    return x.apply(ONNXOperators.GEMM, List.of(weight, bias), name + "_gemm");
  }

  /** Fails, naming the layer, if the generator's layers do not chain. */
  private static void checkShapes(FoldedGenerator generator) {
    int width = generator.inputWidth();
    long weightBytes = 0;
    List<Affine> layers = new java.util.ArrayList<>(generator.blocks());
    layers.add(generator.head());
    for (int i = 0; i < layers.size(); i++) {
      Affine a = layers.get(i);
      String name = i < generator.blocks().size() ? "block " + i : "head";
      if (a.in() != width || a.weight().length != a.in() * a.out()
          || a.bias().length != a.out()) {
        throw new IllegalArgumentException("cannot export the generator: " + name + " has shape "
            + a.in() + "x" + a.out() + " (weight " + a.weight().length + ", bias "
            + a.bias().length + ") but its input is " + width + " wide; the generator is corrupt");
      }
      width = i < generator.blocks().size() ? a.out() + width : a.out();
      weightBytes += 4L * (a.weight().length + a.bias().length);
    }
    if (weightBytes > MAX_WEIGHT_BYTES) {
      throw new IllegalArgumentException("cannot export the generator: its " + weightBytes
          + " bytes of weights exceed the 2 GiB an ONNX protobuf can hold; use smaller layers");
    }
  }

  private static OnnxMl.StringStringEntryProto property(String key, String value) {
    return OnnxMl.StringStringEntryProto.newBuilder().setKey(key).setValue(value).build();
  }
}
