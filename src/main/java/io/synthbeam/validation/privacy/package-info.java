/**
 * Privacy-risk figures of a synthetic table, all built on exact nearest-neighbour distances in
 * judge.py's Gower-like space ({@link io.synthbeam.validation.privacy.DistanceSpace}) found with a
 * k-d tree over mixed continuous and categorical dimensions
 * ({@link io.synthbeam.validation.privacy.NearestNeighbourIndex}): the DCR share against its
 * baseline, exact copies against the holdout's own rate, a distance-based membership-inference
 * AUC ({@link io.synthbeam.validation.privacy.PrivacyMetrics}), and a filter that drops synthetic
 * rows closer to a training row than real unseen rows usually are
 * ({@link io.synthbeam.validation.privacy.PrivacyFilter}).
 */
package io.synthbeam.validation.privacy;
