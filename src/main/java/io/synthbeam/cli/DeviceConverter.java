package io.synthbeam.cli;

import io.synthbeam.onnx.ExecutionDevice;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses {@code --device auto|cpu|cuda} case-insensitively. */
final class DeviceConverter implements ITypeConverter<ExecutionDevice> {
  @Override
  public ExecutionDevice convert(String value) {
    try {
      return ExecutionDevice.valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException("'" + value + "' is not a device: use auto, cpu or cuda");
    }
  }
}
