package io.synthbeam.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl;
import io.synthbeam.gan.ctgan.FoldedGenerator;
import io.synthbeam.gan.ctgan.FoldedGenerator.Affine;
import java.util.List;
import org.junit.jupiter.api.Test;

class GeneratorOnnxExporterTest {
  private final FoldedGenerator generator =
      RandomGenerators.generator(1L, 232, new int[] {256, 256}, 170);

  @Test
  void declaresDynamicBatchFloatInputAndOutput() throws Exception {
    OnnxMl.ModelProto model = OnnxMl.ModelProto.parseFrom(GeneratorOnnxExporter.export(generator));
    OnnxMl.GraphProto graph = model.getGraph();

    assertEquals(1, graph.getInputCount());
    assertEquals(1, graph.getOutputCount());
    assertBatchByWidth(graph.getInput(0), "input", 232);
    assertBatchByWidth(graph.getOutput(0), "raw", 170);
  }

  @Test
  void writesOpsetProducerAndFormat() throws Exception {
    OnnxMl.ModelProto model = OnnxMl.ModelProto.parseFrom(GeneratorOnnxExporter.export(generator));

    assertEquals(8, model.getIrVersion());
    assertEquals(1, model.getOpsetImportCount());
    assertEquals("", model.getOpsetImport(0).getDomain());
    assertEquals(17, model.getOpsetImport(0).getVersion());
    assertEquals("SynthBeam", model.getProducerName());
    assertTrue(model.getMetadataPropsList().stream().anyMatch(p ->
        p.getKey().equals("synthbeam.format") && p.getValue().equals("ctgan-generator/1")));
  }

  @Test
  void graphIsGemmReluConcatPerBlockThenHeadGemm() {
    OnnxMl.GraphProto graph = GeneratorOnnxExporter.exportModel(generator).getGraph();
    List<String> ops = graph.getNodeList().stream().map(OnnxMl.NodeProto::getOpType)
        .filter(op -> !op.equals("Identity")).toList();

    assertEquals(List.of("Gemm", "Relu", "Concat", "Gemm", "Relu", "Concat", "Gemm"), ops);
    OnnxMl.NodeProto concat = graph.getNodeList().stream()
        .filter(n -> n.getOpType().equals("Concat")).findFirst().orElseThrow();
    assertEquals(1, concat.getAttribute(0).getI(), "concatenates along the feature axis");
    // Block output first, then the block input (the graph input for the first block).
    assertEquals("input", concat.getInput(1));
    // Weights travel as initializers: 3 weight matrices and 3 biases.
    assertEquals(6, graph.getInitializerCount());
    long weights = graph.getInitializerList().stream()
        .mapToLong(t -> t.getDims(0) * (t.getDimsCount() > 1 ? t.getDims(1) : 1)).sum();
    assertEquals(232 * 256 + 256 + 488 * 256 + 256 + 744 * 170 + 170, weights);
  }

  @Test
  void rejectsLayersThatDoNotChainNamingTheLayer() {
    FoldedGenerator broken = new FoldedGenerator(
        List.of(new Affine(4, 3, new float[12], new float[3]),
            new Affine(5, 2, new float[10], new float[2])),
        new Affine(9, 1, new float[9], new float[1]));

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> GeneratorOnnxExporter.export(broken));
    assertTrue(e.getMessage().contains("block 1"), e.getMessage());
  }

  private static void assertBatchByWidth(OnnxMl.ValueInfoProto value, String name, int width) {
    assertEquals(name, value.getName());
    OnnxMl.TypeProto.Tensor tensor = value.getType().getTensorType();
    assertEquals(OnnxMl.TensorProto.DataType.FLOAT.getNumber(), tensor.getElemType());
    List<OnnxMl.TensorShapeProto.Dimension> dims = tensor.getShape().getDimList();
    assertEquals(2, dims.size());
    assertEquals("batch", dims.get(0).getDimParam(), "symbolic batch dimension");
    assertEquals(width, dims.get(1).getDimValue());
  }
}
