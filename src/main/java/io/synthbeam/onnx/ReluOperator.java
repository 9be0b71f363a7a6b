package io.synthbeam.onnx;

import java.util.Map;
import java.util.Set;
import org.tribuo.util.onnx.ONNXAttribute;
import org.tribuo.util.onnx.ONNXOperator;
import org.tribuo.util.onnx.ONNXOperators;

/** ONNX {@code Relu} (one input, one output, no attributes): Tribuo's operator set lacks it. */
enum ReluOperator implements ONNXOperator {
  RELU;

  @Override
  public String getOpName() {
    return "Relu";
  }

  @Override
  public int getNumInputs() {
    return 1;
  }

  @Override
  public int getNumOptionalInputs() {
    return 0;
  }

  @Override
  public int getNumOutputs() {
    return 1;
  }

  @Override
  public Map<String, ONNXAttribute> getAttributes() {
    return Map.of();
  }

  @Override
  public Set<String> getMandatoryAttributeNames() {
    return Set.of();
  }

  @Override
  public int getOpVersion() {
    return 14;
  }

  @Override
  public String getOpDomain() {
    // The standard operator domain, spelled as Tribuo spells it for its own operators.
    return ONNXOperators.GEMM.getOpDomain();
  }
}
