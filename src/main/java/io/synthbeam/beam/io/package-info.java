/**
 * Table files (CSV, CSV.gz, Avro, Parquet) in Beam pipelines as Avro records:
 * {@link io.synthbeam.beam.io.TableIO}.
 */
package io.synthbeam.beam.io;
