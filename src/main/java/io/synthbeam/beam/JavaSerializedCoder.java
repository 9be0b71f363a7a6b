package io.synthbeam.beam;

import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.OutputStream;
import java.io.Serializable;
import org.apache.beam.sdk.coders.CoderException;
import org.apache.beam.sdk.coders.CustomCoder;

/**
 * Java serialization for classes without a value-based {@code equals} (the fitter's accumulator,
 * the encoder): unlike Beam's {@code SerializableCoder}, Beam then compares elements by their
 * encoding, as it should, and does not warn that {@code equals} may disagree with it. Not
 * deterministic, so not for grouping keys.
 */
final class JavaSerializedCoder<T extends Serializable> extends CustomCoder<T> {
  private final Class<T> type;

  private JavaSerializedCoder(Class<T> type) {
    this.type = type;
  }

  static <T extends Serializable> JavaSerializedCoder<T> of(Class<T> type) {
    return new JavaSerializedCoder<>(type);
  }

  @Override
  public void encode(T value, OutputStream out) throws IOException {
    ObjectOutputStream objects = new ObjectOutputStream(out);
    objects.writeObject(value);
    objects.flush();
  }

  @Override
  public T decode(InputStream in) throws IOException {
    try {
      return type.cast(new TypeLoaderInputStream(in, type.getClassLoader()).readObject());
    } catch (ClassNotFoundException | ClassCastException e) {
      throw new CoderException("cannot decode a " + type.getName() + ": " + e, e);
    }
  }

  /**
   * Resolves classes with the loader of the coded type: on a Flink cluster whose TaskManagers also
   * have SynthBeam on their classpath, the job's (child-first) copy of a class must be the one
   * built, not the TaskManager's, or the DoFns would get a different class of the same name.
   */
  private static final class TypeLoaderInputStream extends ObjectInputStream {
    private final ClassLoader loader;

    TypeLoaderInputStream(InputStream in, ClassLoader loader) throws IOException {
      super(in);
      this.loader = loader;
    }

    @Override
    protected Class<?> resolveClass(ObjectStreamClass description)
        throws IOException, ClassNotFoundException {
      try {
        return Class.forName(description.getName(), false, loader);
      } catch (ClassNotFoundException e) {
        return super.resolveClass(description);
      }
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof JavaSerializedCoder<?> c && c.type.equals(type);
  }

  @Override
  public int hashCode() {
    return type.hashCode();
  }

  @Override
  public String toString() {
    return "JavaSerializedCoder(" + type.getName() + ")";
  }
}
