package org.motorlearn.runtime.engine;

import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What a network did on a set of trials.
 *
 * @param rates per module name, [trials, bins, units] (rates after each step's update)
 * @param outputs per readout name, [trials, bins, dimension]: hand position in cm (a velocity readout
 *     is already integrated; an output perturbation is already applied)
 * @param initialStates per module name, the x0 drawn for each trial, [trials, units]
 */
public record Activity(Map<String, INDArray> rates, Map<String, INDArray> outputs, Map<String, INDArray> initialStates) {}
