package org.motorlearn.runtime.run;

/**
 * One line of a phase's loss.csv: the terms of the training loss at one update.
 *
 * @param update 0-based update index
 * @param seconds wall-clock seconds since the phase started (only this column differs between
 *     otherwise identical runs)
 */
public record LossRow(int update, double loss, double mse, double weightPenalty, double ratePenalty, double gradNorm,
    double seconds) {}
