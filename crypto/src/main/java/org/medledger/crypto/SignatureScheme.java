package org.medledger.crypto;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Objects;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;

/**
 * Signature presets. Both run on BouncyCastle, measured fastest for verification (the dominant
 * cost on a validator): ECDSA ~10x faster than the JDK's, RSA-PSS verify ~2x.
 */
public enum SignatureScheme {
  /** RSASSA-PSS with SHA-256, MGF1 with SHA-256, 32-byte salt, trailer field 1; RSA keys of at least 3072 bits. */
  RSA_3072_PSS_SHA256(
      "SHA256withRSAandMGF1",
      new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1),
      KeyProfile.RSA_3072,
      "RSA",
      "SHA256WITHRSAANDMGF1"),

  /** ECDSA on NIST P-256 (secp256r1) with SHA-256; signatures are DER-encoded (r, s). */
  ECDSA_P256_SHA256("SHA256withECDSA", null, KeyProfile.EC_P256, "EC", "SHA256WITHECDSA");

  private final String jcaAlgorithm;
  private final AlgorithmParameterSpec parameters;
  private final KeyProfile keyProfile;
  private final String keyAlgorithm;
  private final AlgorithmIdentifier algorithmIdentifier;

  SignatureScheme(
      String jcaAlgorithm,
      AlgorithmParameterSpec parameters,
      KeyProfile keyProfile,
      String keyAlgorithm,
      String x509AlgorithmName) {
    this.jcaAlgorithm = jcaAlgorithm;
    this.parameters = parameters;
    this.keyProfile = keyProfile;
    this.keyAlgorithm = keyAlgorithm;
    this.algorithmIdentifier =
        new DefaultSignatureAlgorithmIdentifierFinder().find(x509AlgorithmName);
  }

  /** A fresh key pair for this scheme (standard JDK key classes, randomness from SecureRandom). */
  public KeyPair generateKeyPair() {
    return keyProfile.generate();
  }

  /**
   * A signer for this key pair.
   *
   * @throws CryptoException if the keys do not fit this scheme or do not belong together
   */
  public Signer signer(KeyPair keyPair) {
    Objects.requireNonNull(keyPair, "keyPair");
    if (!keyProfile.fits(keyPair.getPublic()) || !keyProfile.fits(keyPair.getPrivate())) {
      throw new CryptoException(
          "key pair does not fit " + this + ": " + KeyProfile.describe(keyPair.getPublic()));
    }
    if (!keyProfile.belongTogether(keyPair)) {
      throw new CryptoException("the public key does not belong to the private key");
    }
    return new JcaSigner(this, keyPair.getPublic(), (PrivateKey) toProviderKey(keyPair.getPrivate()));
  }

  /**
   * A verifier for this public key. Keep it for as long as the key is in use: for ECDSA a reused
   * verifier is about twice as fast as a fresh one per message (BouncyCastle caches precomputed
   * multiples of the public point on the key it holds).
   *
   * @throws CryptoException if the key does not fit this scheme
   */
  public Verifier verifier(PublicKey publicKey) {
    Objects.requireNonNull(publicKey, "publicKey");
    if (!keyProfile.fits(publicKey)) {
      throw new CryptoException(
          "key does not fit " + this + ": " + KeyProfile.describe(publicKey));
    }
    return new JcaVerifier(this, (PublicKey) toProviderKey(publicKey));
  }

  /** The X.509 signature algorithm identifier (with the PSS parameters for RSA) for certificates, CSRs and CRLs. */
  public AlgorithmIdentifier algorithmIdentifier() {
    return algorithmIdentifier;
  }

  /**
   * The scheme for a public key: RSA of at least 3072 bits → {@link #RSA_3072_PSS_SHA256}, EC on
   * P-256 → {@link #ECDSA_P256_SHA256}.
   *
   * @throws CryptoException {@code "unsupported key: ..."} for anything else
   */
  public static SignatureScheme of(PublicKey key) {
    Objects.requireNonNull(key, "key");
    for (SignatureScheme scheme : values()) {
      if (scheme.keyProfile.fits(key)) {
        return scheme;
      }
    }
    throw KeyProfile.unsupported(key);
  }

  /** A new, initialised-with-parameters signature engine; one per operation keeps callers thread-safe. */
  Signature newSignature() throws GeneralSecurityException {
    Signature signature = Providers.signature(jcaAlgorithm);
    if (parameters != null) {
      signature.setParameter(parameters);
    }
    return signature;
  }

  /** The key as the signature provider's own class, translated once instead of on every call. */
  private java.security.Key toProviderKey(java.security.Key key) {
    try {
      return keyProfile == KeyProfile.EC_P256
          ? P256.toBouncyCastle(key)
          : Providers.keyFactory(keyAlgorithm).translateKey(key);
    } catch (GeneralSecurityException e) {
      throw new CryptoException("key does not fit " + this + ": " + KeyProfile.describe(key), e);
    }
  }
}
