package org.motorlearn.runtime.engine;

/**
 * One optimiser update: the loss of its batch (before the update) and its parts, and the global norm
 * of the plastic parameters' gradient before clipping.
 */
public record UpdateResult(double loss, double mse, double weightPenalty, double ratePenalty, double gradientNorm) {}
