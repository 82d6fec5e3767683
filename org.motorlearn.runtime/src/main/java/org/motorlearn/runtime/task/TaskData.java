package org.motorlearn.runtime.task;

/** The trials of a task: {@code train} for the optimiser, {@code test} for metrics and analyses. */
public record TaskData(TrialSet train, TrialSet test) {}
