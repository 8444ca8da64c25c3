package org.tandem.contracting;

/** A goal of the contract (CON-2): what the client wants, what success looks like, and whether it matters most. */
public record Goal(String description, String successMeasure, boolean mostImportant) {
}
