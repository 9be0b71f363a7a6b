package io.synthbeam.beam;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import org.apache.beam.sdk.coders.CustomCoder;
import org.apache.beam.sdk.coders.SerializableCoder;

/**
 * Java serialization, like {@link SerializableCoder}, for classes without a value-based
 * {@code equals} (the fitter's accumulator, the encoder): Beam then compares elements by their
 * encoding, as it should, instead of warning that {@code equals} disagrees with the encoding.
 * Not deterministic, so not for grouping keys.
 */
final class JavaSerializedCoder<T extends Serializable> extends CustomCoder<T> {
  private final SerializableCoder<T> delegate;

  private JavaSerializedCoder(Class<T> type) {
    this.delegate = SerializableCoder.of(type);
  }

  static <T extends Serializable> JavaSerializedCoder<T> of(Class<T> type) {
    return new JavaSerializedCoder<>(type);
  }

  @Override
  public void encode(T value, OutputStream out) throws IOException {
    delegate.encode(value, out);
  }

  @Override
  public T decode(InputStream in) throws IOException {
    return delegate.decode(in);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof JavaSerializedCoder<?> c && c.delegate.equals(delegate);
  }

  @Override
  public int hashCode() {
    return delegate.hashCode();
  }

  @Override
  public String toString() {
    return "JavaSerializedCoder(" + delegate.getRecordType().getName() + ")";
  }
}
