package id.pijat.model.chat;

import id.pijat.text.FreeText;

/** What a participant writes into the room: 1 to {@value #MAX_LENGTH} characters, line breaks allowed. */
public record MessageText(String value) {
  /** The chat_messages content attribute's size in appwrite.json. */
  public static final int MAX_LENGTH = 2000;

  public MessageText {
    value = FreeText.withLines(value, "text", 1, MAX_LENGTH);
  }
}
