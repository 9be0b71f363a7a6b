package io.synthbeam.beam;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.beam.sdk.coders.AtomicCoder;

/**
 * Codes each record with its own schema (not an AvroCoder): a PCollection with it has no one
 * schema, and records of different schemas survive coding, as from a generic source.
 */
final class SelfDescribingCoder extends AtomicCoder<GenericRecord> {
  @Override
  public void encode(GenericRecord value, OutputStream outStream) throws IOException {
    DataOutputStream out = new DataOutputStream(outStream);
    out.writeUTF(value.getSchema().toString());
    BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
    new GenericDatumWriter<GenericRecord>(value.getSchema()).write(value, encoder);
    encoder.flush();
  }

  @Override
  public GenericRecord decode(InputStream inStream) throws IOException {
    DataInputStream in = new DataInputStream(inStream);
    Schema schema = new Schema.Parser().parse(in.readUTF());
    BinaryDecoder decoder = DecoderFactory.get().directBinaryDecoder(in, null);
    return new GenericDatumReader<GenericRecord>(schema).read(null, decoder);
  }
}
