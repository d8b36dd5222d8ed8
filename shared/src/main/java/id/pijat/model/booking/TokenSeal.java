package id.pijat.model.booking;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/** AES-GCM with a key derived from a secret the client holds (its idempotency key). */
public final class TokenSeal {
  private static final SecureRandom RANDOM = new SecureRandom();

  private TokenSeal() {}

  public static String seal(BookingToken token, String secret) {
    try {
      byte[] nonce = new byte[12];
      RANDOM.nextBytes(nonce);
      Cipher cipher = cipher(Cipher.ENCRYPT_MODE, secret, nonce);
      byte[] sealed = cipher.doFinal(token.value().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      return Base64.getEncoder().encodeToString(nonce) + "." + Base64.getEncoder().encodeToString(sealed);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
    }
  }

  public static BookingToken open(String sealed, String secret) {
    String[] parts = sealed.split("\\.");
    try {
      Cipher cipher = cipher(Cipher.DECRYPT_MODE, secret, Base64.getDecoder().decode(parts[0]));
      byte[] plain = cipher.doFinal(Base64.getDecoder().decode(parts[1]));
      return new BookingToken(new String(plain, java.nio.charset.StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("sealed token does not open with its key", e);
    }
  }

  private static Cipher cipher(int mode, String secret, byte[] nonce) throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    byte[] key = BookingToken.sha256("booking-token-seal\n" + secret);
    cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
    return cipher;
  }
}
