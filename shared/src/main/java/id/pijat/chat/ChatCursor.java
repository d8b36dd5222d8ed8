package id.pijat.chat;

import id.pijat.model.chat.ChatActivity;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Where a participant's reading of a room stands, handed to the client as `next` and sealed
 * (AES-GCM under the functions' CHAT_CURSOR_SECRET) so that it can be trusted when it comes back:
 * whom it was given to, the room and its closing, the newest time read, the messages read near it,
 * and the activity as last learned. A poll with it reads the messages after it and nothing else
 * (README "Chat", the one-request poll).
 *
 * @param reader the participant it was given to (ChatParticipant#reader)
 * @param closeAfter when the room closes by itself
 * @param closedAt when the room closed, once the closing message was read: nothing can follow it
 * @param watermark the newest createdAt read (null before any message)
 * @param seen the messages read whose time is at or after {@link #from}: a short hash of each ID
 *     with its time, so that a message landing late (with a time before the watermark) is still
 *     found, and those read are not answered twice
 * @param floor where a burst of more than {@link #MAX_SEEN} messages in the look-back moved its
 *     start up to (null when none did): the cursor stays small, and what it read is still never
 *     answered twice
 */
public record ChatCursor(
    String bookingId,
    String roomId,
    String reader,
    Instant closeAfter,
    Instant closedAt,
    Instant watermark,
    Map<String, Instant> seen,
    Instant floor,
    ChatActivity activity) {
  private static final int VERSION = 1;
  /**
   * At most so many seen messages are kept (more only when they share one millisecond); the fair
   * use rate of two senders puts far fewer into one look-back.
   */
  public static final int MAX_SEEN = 40;
  private static final SecureRandom RANDOM = new SecureRandom();

  public ChatCursor {
    seen = Map.copyOf(seen);
  }

  /**
   * A reader's first cursor, before the newest page is read into it. When that page left older
   * messages out, they are history the reader chose not to read, not news: the
   * look-back starts at the page's oldest message, so a poll never answers them as if they came
   * since (but no later than the room's closing time, where cleanup stamps the closing message).
   *
   * @param leftOlderOut whether messages older than the page's oldest exist
   */
  public static ChatCursor start(
      String bookingId, String roomId, String reader, Instant closeAfter, List<ChatMessage> page, boolean leftOlderOut, ChatActivity activity) {
    Instant floor = null;
    if (leftOlderOut && !page.isEmpty()) {
      Instant oldest = page.get(0).createdAt();
      floor = closeAfter != null && closeAfter.isBefore(oldest) ? closeAfter : oldest;
    }
    return new ChatCursor(bookingId, roomId, reader, closeAfter, null, null, Map.of(), floor, activity);
  }

  public boolean closed() {
    return closedAt != null;
  }

  /** The earliest time a poll from here reads: covering late landings, and the closing message. */
  public Instant from() {
    if (watermark == null) {
      return Instant.EPOCH;
    }
    Instant early = watermark.minus(ChatMessages.LATE_LANDING);
    Instant from = closeAfter != null && closeAfter.isBefore(early) ? closeAfter : early;
    return floor != null && floor.isAfter(from) ? floor : from;
  }

  public static String hashOf(String messageId) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(messageId.getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 11);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /**
   * This cursor having read these messages (in the room's order) and learned this activity.
   *
   * @param closedAt when the room closed, if this read learned it (else null)
   */
  public ChatCursor after(List<ChatMessage> read, ChatActivity learned, Instant closedAt) {
    Instant newest = watermark;
    for (ChatMessage message : read) {
      if (newest == null || message.createdAt().isAfter(newest)) {
        newest = message.createdAt();
      }
    }
    Map<String, Instant> all = new LinkedHashMap<>(seen);
    read.forEach(message -> all.put(hashOf(message.id()), message.createdAt()));
    Instant closed = this.closedAt != null ? this.closedAt : closedAt;
    Instant from = new ChatCursor(bookingId, roomId, reader, closeAfter, closed, newest, Map.of(), floor, learned).from();
    List<Instant> times = all.values().stream().filter(at -> !at.isBefore(from)).sorted().toList();
    // a burst: the look-back starts at the oldest message kept, so every message from there on is known
    Instant newFloor = times.size() > MAX_SEEN ? times.get(times.size() - MAX_SEEN) : floor;
    Instant keptFrom = newFloor != null && newFloor.isAfter(from) ? newFloor : from;
    Map<String, Instant> kept = new LinkedHashMap<>();
    all.forEach((hash, at) -> {
      if (!at.isBefore(keptFrom)) {
        kept.put(hash, at);
      }
    });
    return new ChatCursor(bookingId, roomId, reader, closeAfter, closed, newest, kept, newFloor, learned);
  }

  public String seal(String secret) {
    try {
      byte[] nonce = new byte[12];
      RANDOM.nextBytes(nonce);
      byte[] sealed = cipher(Cipher.ENCRYPT_MODE, secret, nonce).doFinal(encode().getBytes(StandardCharsets.UTF_8));
      byte[] all = new byte[nonce.length + sealed.length];
      System.arraycopy(nonce, 0, all, 0, nonce.length);
      System.arraycopy(sealed, 0, all, nonce.length, sealed.length);
      return Base64.getUrlEncoder().withoutPadding().encodeToString(all);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
    }
  }

  /** @throws IllegalArgumentException when the text is no cursor sealed under this secret */
  public static ChatCursor open(String text, String secret) {
    try {
      byte[] all = Base64.getUrlDecoder().decode(text);
      if (all.length < 12 + 16) {
        throw new IllegalArgumentException("is not a cursor of this chat");
      }
      byte[] nonce = java.util.Arrays.copyOf(all, 12);
      byte[] plain = cipher(Cipher.DECRYPT_MODE, secret, nonce).doFinal(all, 12, all.length - 12);
      return decode(new String(plain, StandardCharsets.UTF_8));
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new IllegalArgumentException("is not a cursor of this chat");
    }
  }

  private static Cipher cipher(int mode, String secret, byte[] nonce) throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    byte[] key = MessageDigest.getInstance("SHA-256").digest(("chat-cursor\n" + secret).getBytes(StandardCharsets.UTF_8));
    cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
    return cipher;
  }

  /** Fields joined by '|': none of them holds one (IDs, hashes, epoch milliseconds). */
  private String encode() {
    StringBuilder seenText = new StringBuilder();
    seen.forEach((hash, at) -> seenText.append(seenText.length() == 0 ? "" : ",").append(hash).append(':').append(at.toEpochMilli()));
    return String.join("|",
        Integer.toString(VERSION), bookingId, roomId, reader, millis(closeAfter), millis(closedAt), millis(watermark),
        seenText, millis(floor), millis(activity.lastActivityAt()), activity.customerWrote() ? "1" : "0",
        activity.therapistWrote() ? "1" : "0", Integer.toString(activity.activeBlocks()), millis(activity.blockStartedAt()));
  }

  private static ChatCursor decode(String text) {
    String[] f = text.split("\\|", -1);
    if (f.length != 14 || !f[0].equals(Integer.toString(VERSION))) {
      throw new IllegalArgumentException("unknown cursor version");
    }
    Map<String, Instant> seen = new LinkedHashMap<>();
    if (!f[7].isEmpty()) {
      for (String entry : f[7].split(",")) {
        String[] parts = entry.split(":");
        seen.put(parts[0], Instant.ofEpochMilli(Long.parseLong(parts[1])));
      }
    }
    return new ChatCursor(f[1], f[2], f[3], instant(f[4]), instant(f[5]), instant(f[6]), seen, instant(f[8]),
        new ChatActivity(instant(f[9]), f[10].equals("1"), f[11].equals("1"), Integer.parseInt(f[12]), instant(f[13])));
  }

  private static String millis(Instant instant) {
    return instant == null ? "" : Long.toString(instant.toEpochMilli());
  }

  private static Instant instant(String text) {
    return text.isEmpty() ? null : Instant.ofEpochMilli(Long.parseLong(text));
  }
}
