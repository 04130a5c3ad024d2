package org.medledger.bench.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.medledger.crypto.Aead;
import org.medledger.crypto.AeadScheme;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Chunked AES-256-GCM encrypt/decrypt per message size, next to the JDK's AES-GCM in one call over
 * the whole message. The {@code bytes} counter is the throughput in bytes per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class AeadBenchmark {
  private static final byte[] ASSOCIATED_DATA = "record-id/patient-id/v1/normal".getBytes(StandardCharsets.US_ASCII);

  @Param({"1024", "65536", "1048576", "16777216"})
  public int size;

  private Aead aead;
  private byte[] plaintext;
  private byte[] ciphertext;

  private SecretKeySpec jdkKey;
  private Cipher jdkCipher;
  private byte[] jdkIv;
  private long jdkCounter;
  private byte[] jdkCiphertext;
  private byte[] jdkCiphertextIv;

  /** Bytes of plaintext processed; JMH reports it per second. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Bytes {
    public long bytes;

    @Setup(Level.Iteration)
    public void reset() {
      bytes = 0;
    }
  }

  @Setup
  public void setUp() throws GeneralSecurityException {
    SecureRandom random = new SecureRandom();
    plaintext = new byte[size];
    random.nextBytes(plaintext);
    aead = AeadScheme.AES_256_GCM_CHUNKED.aead(AeadScheme.AES_256_GCM_CHUNKED.generateKey());
    ciphertext = aead.encrypt(plaintext, ASSOCIATED_DATA);

    byte[] key = new byte[32];
    random.nextBytes(key);
    jdkKey = new SecretKeySpec(key, "AES");
    jdkCipher = Cipher.getInstance("AES/GCM/NoPadding", "SunJCE");
    jdkIv = new byte[12];
    random.nextBytes(jdkIv);
    jdkCiphertext = jdkEncrypt();
    jdkCiphertextIv = jdkIv.clone();
  }

  @Benchmark
  public byte[] encrypt(Bytes counter) {
    counter.bytes += size;
    return aead.encrypt(plaintext, ASSOCIATED_DATA);
  }

  @Benchmark
  public byte[] decrypt(Bytes counter) {
    counter.bytes += size;
    return aead.decrypt(ciphertext, ASSOCIATED_DATA);
  }

  /** The JDK's AES-256-GCM, one doFinal over the whole message (fresh IV each time, as required). */
  @Benchmark
  public byte[] jdkSingleCallEncrypt(Bytes counter) throws GeneralSecurityException {
    counter.bytes += size;
    return jdkEncrypt();
  }

  @Benchmark
  public byte[] jdkSingleCallDecrypt(Bytes counter) throws GeneralSecurityException {
    counter.bytes += size;
    jdkCipher.init(Cipher.DECRYPT_MODE, jdkKey, new GCMParameterSpec(128, jdkCiphertextIv));
    return jdkCipher.doFinal(jdkCiphertext);
  }

  private byte[] jdkEncrypt() throws GeneralSecurityException {
    long next = ++jdkCounter;
    for (int i = 0; i < 8; i++) {
      jdkIv[4 + i] = (byte) (next >>> (56 - 8 * i));
    }
    jdkCipher.init(Cipher.ENCRYPT_MODE, jdkKey, new GCMParameterSpec(128, jdkIv));
    return jdkCipher.doFinal(plaintext);
  }
}
