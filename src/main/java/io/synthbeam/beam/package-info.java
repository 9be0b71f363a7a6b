/**
 * Apache Beam transforms that fit a conditional tabular GAN (CTGAN) on Avro records and sample
 * synthetic records:
 * <ul>
 *   <li>{@link io.synthbeam.beam.SynthesizeTable}: records in, synthetic records of the same
 *       schema out (fit and sample in one pipeline);</li>
 *   <li>{@link io.synthbeam.beam.FitTableModel}: records in, a model bundle written to a path;</li>
 *   <li>{@link io.synthbeam.beam.SampleTable}: a model bundle in, synthetic records out;</li>
 *   <li>{@link io.synthbeam.beam.RebalanceTable}: records in, the same records plus synthetic rows
 *       of the under-represented classes of a label column.</li>
 * </ul>
 *
 * <pre>{@code
 * PCollection<GenericRecord> synthetic = records.apply(SynthesizeTable.create());
 * }</pre>
 *
 * <p>How the work is spread: the encoder is fitted with a {@code Combine.globally} of mergeable
 * statistics; rows are encoded in parallel into a deterministic training sample (a priority per
 * row from a hash of the seed and its content; the smallest priorities kept); one worker trains;
 * synthetic rows are drawn in parallel in shards, each with a seed derived from the seed and the
 * shard's index, from a model loaded once per worker JVM. So the same input, options and seed give
 * the same records on any runner, with any number of workers, after any retries. Table files are
 * read and written with {@link io.synthbeam.beam.io.TableIO}.
 */
package io.synthbeam.beam;
