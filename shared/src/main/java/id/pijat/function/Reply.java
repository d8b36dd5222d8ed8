package id.pijat.function;

import java.util.Map;

/** A successful answer: its status and the `data` of the envelope. */
public record Reply(int status, Object data) {
  public static Reply ok(Object data) {
    return new Reply(200, data);
  }

  public static Reply created(Object data) {
    return new Reply(201, data);
  }

  Map<String, Object> envelope() {
    return Envelope.success(data);
  }
}
