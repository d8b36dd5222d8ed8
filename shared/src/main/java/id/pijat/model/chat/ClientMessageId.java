package id.pijat.model.chat;

import java.util.regex.Pattern;

/**
 * The ID a client gives a message before sending it (a UUID, say), so that a retried or doubled
 * send makes one message: 1 to 64 letters, digits, '.', '_', ':' or '-'.
 */
public record ClientMessageId(String value) {
  private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

  public ClientMessageId {
    if (value == null || !FORMAT.matcher(value).matches()) {
      throw new IllegalArgumentException("must be 1 to 64 letters, digits, '.', '_', ':' or '-'");
    }
  }
}
