package org.bptt.grader.grading.misconception;

/** A common BPTT mistake: a stable id, a short title, and the sentence of feedback that explains it. */
public record Misconception(String id, String title, String explanation) {}
