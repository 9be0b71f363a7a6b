package io.synthbeam.beam;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;

/**
 * A 64-bit hash of the seed and a record's content (its Avro binary encoding, so every field
 * counts, excluded ones included, and a String and a Utf8 with the same text hash alike). Used as
 * the training-sample priority and as the seed of the record's mode draws, so both depend on the
 * row only, not on which worker or bundle handles it. One instance per thread.
 */
final class RowPriority {
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;

  private final long seedMix;
  private final GenericDatumWriter<GenericRecord> writer;
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(256);
  private BinaryEncoder encoder;

  RowPriority(Schema schema, long seed) {
    this.seedMix = mix(seed + GOLDEN);
    this.writer = new GenericDatumWriter<>(schema);
  }

  long of(GenericRecord record) {
    buffer.reset();
    encoder = EncoderFactory.get().directBinaryEncoder(buffer, encoder);
    try {
      writer.write(record, encoder);
      encoder.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
    }
    return hash(seedMix, buffer.toByteArray());
  }

  /** Eight bytes at a time through the splitmix64 finaliser. */
  static long hash(long seedMix, byte[] bytes) {
    long h = seedMix ^ (bytes.length * GOLDEN);
    int i = 0;
    for (; i + 8 <= bytes.length; i += 8) {
      long word = 0;
      for (int b = 0; b < 8; b++) {
        word = (word << 8) | (bytes[i + b] & 0xFF);
      }
      h = mix(h ^ word) + GOLDEN;
    }
    long tail = 0;
    for (; i < bytes.length; i++) {
      tail = (tail << 8) | (bytes[i] & 0xFF);
    }
    return mix(h ^ tail ^ 0x5851F42D4C957F2DL);
  }

  /** The splitmix64 finaliser. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
