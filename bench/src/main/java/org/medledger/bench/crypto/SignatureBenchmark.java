package org.medledger.bench.crypto;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.medledger.crypto.SignatureScheme;
import org.medledger.crypto.Signer;
import org.medledger.crypto.Verifier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Sign and verify per preset, next to the bare primitives: one {@link Signature} object
 * initialised once and reused (BouncyCastle, which the presets use, with the key as BouncyCastle
 * decodes it from its X.509 encoding; and the JDK's provider). The target: preset verify within 15%
 * of the bare BouncyCastle verify. {@code verifyWithNewVerifier}
 * adds the cost of {@code scheme.verifier(key)} per message.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SignatureBenchmark {
  private static final PSSParameterSpec PSS =
      new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1);

  @Param({"RSA_3072_PSS_SHA256", "ECDSA_P256_SHA256"})
  public SignatureScheme scheme;

  private final byte[] message = new byte[256];
  private PublicKey publicKey;
  private Signer signer;
  private Verifier verifier;
  private byte[] signature;
  private Signature bareBouncyCastle;
  private Signature bareJdk;

  @Setup
  public void setUp() throws GeneralSecurityException {
    for (int i = 0; i < message.length; i++) {
      message[i] = (byte) (i * 31);
    }
    KeyPair keys = scheme.generateKeyPair();
    publicKey = keys.getPublic();
    signer = scheme.signer(keys);
    verifier = scheme.verifier(keys.getPublic());
    signature = signer.sign(message);

    Provider bouncyCastle = new BouncyCastleProvider();
    boolean rsa = scheme == SignatureScheme.RSA_3072_PSS_SHA256;
    String keyAlgorithm = rsa ? "RSA" : "EC";
    PublicKey bouncyCastleKey =
        KeyFactory.getInstance(keyAlgorithm, bouncyCastle)
            .generatePublic(new X509EncodedKeySpec(keys.getPublic().getEncoded()));
    bareBouncyCastle =
        Signature.getInstance(rsa ? "SHA256withRSAandMGF1" : "SHA256withECDSA", bouncyCastle);
    bareJdk =
        rsa
            ? Signature.getInstance("RSASSA-PSS", "SunRsaSign")
            : Signature.getInstance("SHA256withECDSA", "SunEC");
    if (rsa) {
      bareBouncyCastle.setParameter(PSS);
      bareJdk.setParameter(PSS);
    }
    bareBouncyCastle.initVerify(bouncyCastleKey);
    bareJdk.initVerify(keys.getPublic());
    if (!verifier.verify(message, signature) || !bareVerifyBouncyCastle() || !bareVerifyJdk()) {
      throw new IllegalStateException("set-up signature does not verify");
    }
  }

  @Benchmark
  public byte[] sign() {
    return signer.sign(message);
  }

  @Benchmark
  public boolean verify() {
    return verifier.verify(message, signature);
  }

  /** A verifier made per message, as code that looks the key up per transaction would do. */
  @Benchmark
  public boolean verifyWithNewVerifier() {
    return scheme.verifier(publicKey).verify(message, signature);
  }

  @Benchmark
  public boolean bareVerifyBouncyCastle() throws GeneralSecurityException {
    bareBouncyCastle.update(message);
    return bareBouncyCastle.verify(signature);
  }

  @Benchmark
  public boolean bareVerifyJdk() throws GeneralSecurityException {
    bareJdk.update(message);
    return bareJdk.verify(signature);
  }
}
