package id.pijat.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import id.pijat.error.ErrorCode;
import id.pijat.error.Rejection;

/** A call the backend must refuse with a given code. */
public final class Rejections {
  private Rejections() {}

  public static Rejection refused(ErrorCode code, Runnable call) {
    Rejection rejection = assertThrows(Rejection.class, call::run);
    assertEquals(code, rejection.code(), rejection.getMessage());
    return rejection;
  }
}
