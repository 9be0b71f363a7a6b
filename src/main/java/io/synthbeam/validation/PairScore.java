package io.synthbeam.validation;

/**
 * How alike the joint distribution of two columns is in the real and synthetic tables.
 *
 * @param first label of the first column (schema order)
 * @param second label of the second column
 * @param metric {@code "correlation"} (two continuous columns: 1 - |r_real - r_synthetic| / 2) or
 *     {@code "TVD"} (otherwise: 1 - total variation distance of the 2-D table, continuous columns
 *     in 10 real-quantile bins)
 * @param score the similarity, 1 for identical
 * @param realAssociation strength of association in the real table, in [0, 1]: |r| for two
 *     continuous columns, else Cramer's V of the binned 2-D table (for the heat maps)
 * @param syntheticAssociation the same in the synthetic table
 */
public record PairScore(String first, String second, String metric, double score,
    double realAssociation, double syntheticAssociation) {

  /** The key judge.py uses: {@code "first|second"}. */
  public String key() {
    return first + "|" + second;
  }
}
