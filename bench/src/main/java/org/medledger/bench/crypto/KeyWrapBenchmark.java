package org.medledger.bench.crypto;

import java.security.KeyPair;
import java.util.concurrent.TimeUnit;
import org.medledger.crypto.AeadScheme;
import org.medledger.crypto.KeyWrap;
import org.medledger.crypto.KeyWrapScheme;
import org.medledger.crypto.SecretBytes;
import org.medledger.crypto.SignatureScheme;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Wrapping and unwrapping a 256-bit data key per scheme. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class KeyWrapBenchmark {
  @Param({"RSA_OAEP_SHA256", "ECDH_P256_HKDF_SHA256_AES_256_GCM"})
  public KeyWrapScheme scheme;

  private KeyWrap keyWrap;
  private KeyPair recipient;
  private SecretBytes dataKey;
  private byte[] wrapped;

  @Setup
  public void setUp() {
    keyWrap = scheme.keyWrap();
    recipient =
        scheme == KeyWrapScheme.RSA_OAEP_SHA256
            ? SignatureScheme.RSA_3072_PSS_SHA256.generateKeyPair()
            : SignatureScheme.ECDSA_P256_SHA256.generateKeyPair();
    dataKey = AeadScheme.AES_256_GCM_CHUNKED.generateKey();
    wrapped = keyWrap.wrap(dataKey, recipient.getPublic());
  }

  @Benchmark
  public byte[] wrap() {
    return keyWrap.wrap(dataKey, recipient.getPublic());
  }

  @Benchmark
  public SecretBytes unwrap() {
    return keyWrap.unwrap(wrapped, recipient.getPrivate());
  }
}
