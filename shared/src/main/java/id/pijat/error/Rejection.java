package id.pijat.error;

import java.util.List;
import java.util.Objects;

/**
 * A request the system refuses, for a reason the caller may be told. Its message is safe to show a
 * customer; nothing internal goes into it.
 */
public class Rejection extends RuntimeException {
  /**
   * INVALID_INPUT lists at most this many problems; the message still counts them all. A body within
   * its 32 KiB can hold thousands of bad fields ({"days":[1,1,…]}), and an answer many times the
   * request's size helps no client. The worst honest body, a whole week wrong, names about 30.
   */
  public static final int MAX_DETAILS = 50;

  private final ErrorCode code;
  private final List<FieldProblem> details;

  public Rejection(ErrorCode code, String message) {
    this(code, message, List.of());
  }

  public Rejection(ErrorCode code, String message, List<FieldProblem> details) {
    super(message, null, false, false);
    this.code = Objects.requireNonNull(code, "code");
    this.details = List.copyOf(details);
  }

  public static Rejection invalidInput(List<FieldProblem> problems) {
    String first = problems.get(0).field() + " " + problems.get(0).problem();
    String message = problems.size() == 1 ? first : first + " (and " + (problems.size() - 1) + " more)";
    return new Rejection(ErrorCode.INVALID_INPUT, message, problems.subList(0, Math.min(problems.size(), MAX_DETAILS)));
  }

  public static Rejection invalidInput(String field, String problem) {
    return invalidInput(List.of(new FieldProblem(field, problem)));
  }

  public ErrorCode code() {
    return code;
  }

  public List<FieldProblem> details() {
    return details;
  }
}
