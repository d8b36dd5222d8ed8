package id.pijat.error;

/** The error codes of the functions' contract, each with the HTTP status it is answered with. */
public enum ErrorCode {
  INVALID_INPUT(400),
  PERMISSION_DENIED(403),
  BOOKING_NOT_FOUND(404),
  THERAPIST_NOT_FOUND(404),
  INVALID_STATE(409),
  OFFER_EXPIRED(409),
  THERAPIST_UNAVAILABLE(409),
  BOOKING_CANCELLED(409),
  SEARCH_TIMEOUT(409),
  IDEMPOTENCY_CONFLICT(422),
  RATE_LIMITED(429),
  INTERNAL_ERROR(500),
  SERVICE_UNAVAILABLE(503);

  private final int httpStatus;

  ErrorCode(int httpStatus) {
    this.httpStatus = httpStatus;
  }

  public int httpStatus() {
    return httpStatus;
  }
}
