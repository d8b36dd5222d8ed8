package id.pijat.error;

import java.util.Objects;

/** One thing wrong with one field of a request, named by its path ("customerDetails.whatsapp"). */
public record FieldProblem(String field, String problem) {
  public FieldProblem {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(problem, "problem");
  }
}
