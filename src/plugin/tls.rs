//! AutoMTLS as go-plugin does it: a fresh self-signed certificate per process, and the peer's
//! certificate pinned exactly (Terraform passes its own in `PLUGIN_CLIENT_CERT`).

use std::sync::{Arc, OnceLock};

use rcgen::{BasicConstraints, CertificateParams, DnType, ExtendedKeyUsagePurpose, IsCa, KeyPair, KeyUsagePurpose};
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::crypto::{verify_tls12_signature, verify_tls13_signature, CryptoProvider, WebPkiSupportedAlgorithms};
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{
    alg_id, AlgorithmIdentifier, CertificateDer, InvalidSignature, PrivateKeyDer, PrivatePkcs8KeyDer, ServerName,
    SignatureVerificationAlgorithm, UnixTime,
};
use rustls::server::danger::{ClientCertVerified, ClientCertVerifier};
use rustls::{DigitallySignedStruct, DistinguishedName, SignatureScheme};
use thiserror::Error;

#[derive(Debug, Error)]
/// Why the TLS setup failed.
pub enum TlsError {
    #[error("cannot generate the plugin certificate: {0}")]
    /// The certificate could not be generated.
    Certificate(#[from] rcgen::Error),
    #[error("TLS configuration failed: {0}")]
    /// rustls refused the configuration.
    Rustls(#[from] rustls::Error),
    #[error("PLUGIN_CLIENT_CERT holds no PEM certificate: {0}")]
    /// Terraform's client certificate could not be read.
    ClientCertificate(String),
}

/// A certificate and its private key, both DER.
pub struct Identity {
    /// The certificate.
    pub certificate: CertificateDer<'static>,
    key: PrivatePkcs8KeyDer<'static>,
}

impl Identity {
    /// Like go-plugin's `generateCert`: ECDSA P-256, CN and SAN `localhost`, usable as CA, server and
    /// client, because go-plugin peers trust the certificate itself as their root.
    pub fn generate() -> Result<Identity, TlsError> {
        let key_pair = KeyPair::generate_for(&rcgen::PKCS_ECDSA_P256_SHA256)?;
        let mut params = CertificateParams::new(vec!["localhost".to_owned()])?;
        params.distinguished_name.push(DnType::CommonName, "localhost");
        params.distinguished_name.push(DnType::OrganizationName, "HashiCorp");
        params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        params.key_usages = vec![
            KeyUsagePurpose::DigitalSignature,
            KeyUsagePurpose::KeyEncipherment,
            KeyUsagePurpose::KeyAgreement,
            KeyUsagePurpose::KeyCertSign,
        ];
        params.extended_key_usages = vec![ExtendedKeyUsagePurpose::ServerAuth, ExtendedKeyUsagePurpose::ClientAuth];
        let certificate = params.self_signed(&key_pair)?;
        Ok(Identity { certificate: certificate.der().clone(), key: PrivatePkcs8KeyDer::from(key_pair.serialize_der()) })
    }

    /// The certificate as PEM, as the handshake line carries it.
    pub fn certificate_pem(&self) -> String {
        let body = base64::Engine::encode(&base64::engine::general_purpose::STANDARD, &self.certificate);
        let lines: Vec<&str> = body.as_bytes().chunks(64).map(|c| std::str::from_utf8(c).expect("base64 is ASCII")).collect();
        format!("-----BEGIN CERTIFICATE-----\n{}\n-----END CERTIFICATE-----\n", lines.join("\n"))
    }

    fn key(&self) -> PrivateKeyDer<'static> {
        PrivateKeyDer::Pkcs8(self.key.clone_key())
    }
}

/// ring for keys, key exchange, randomness and signatures, plus ECDSA P-521 with SHA-512, which
/// ring cannot verify and Terraform's go-plugin signs with (its client certificate is P-521).
fn crypto() -> Arc<CryptoProvider> {
    Arc::new(CryptoProvider { signature_verification_algorithms: signature_algorithms(), ..rustls::crypto::ring::default_provider() })
}

/// ECDSA P-521 with SHA-512, verified by RustCrypto's pure-Rust `p521`: a few hundred kilobytes
/// where aws-lc-rs, the other provider that verifies it, links a C library of 1.5 MB.
#[derive(Debug)]
struct EcdsaP521Sha512;

impl SignatureVerificationAlgorithm for EcdsaP521Sha512 {
    fn verify_signature(&self, public_key: &[u8], message: &[u8], signature: &[u8]) -> Result<(), InvalidSignature> {
        use p521::ecdsa::signature::Verifier as _;
        let key = p521::ecdsa::VerifyingKey::from_sec1_bytes(public_key).map_err(|_| InvalidSignature)?;
        let signature = p521::ecdsa::Signature::from_der(signature).map_err(|_| InvalidSignature)?;
        key.verify(message, &signature).map_err(|_| InvalidSignature)
    }

    fn public_key_alg_id(&self) -> AlgorithmIdentifier {
        alg_id::ECDSA_P521
    }

    fn signature_alg_id(&self) -> AlgorithmIdentifier {
        alg_id::ECDSA_SHA512
    }
}

static ECDSA_P521_SHA512: [&dyn SignatureVerificationAlgorithm; 1] = [&EcdsaP521Sha512];

/// ring's signature algorithms with ECDSA P-521 added, built once per process (rustls wants the
/// lists `'static`).
fn signature_algorithms() -> WebPkiSupportedAlgorithms {
    static ALGORITHMS: OnceLock<WebPkiSupportedAlgorithms> = OnceLock::new();
    *ALGORITHMS.get_or_init(|| {
        let ring = rustls::crypto::ring::default_provider().signature_verification_algorithms;
        let all: Vec<&'static dyn SignatureVerificationAlgorithm> = ring.all.iter().copied().chain(ECDSA_P521_SHA512).collect();
        let mapping: Vec<(SignatureScheme, &'static [&'static dyn SignatureVerificationAlgorithm])> =
            ring.mapping.iter().copied().chain([(SignatureScheme::ECDSA_NISTP521_SHA512, &ECDSA_P521_SHA512[..])]).collect();
        WebPkiSupportedAlgorithms { all: Vec::leak(all), mapping: Vec::leak(mapping) }
    })
}

/// Accepts exactly one certificate, byte for byte, and checks the handshake signatures made with it.
#[derive(Debug)]
pub struct PinnedCertificate {
    expected: CertificateDer<'static>,
    algorithms: WebPkiSupportedAlgorithms,
}

impl PinnedCertificate {
    /// A verifier that accepts only `expected`.
    pub fn new(expected: CertificateDer<'static>) -> Self {
        Self { expected, algorithms: signature_algorithms() }
    }

    fn tls12(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        verify_tls12_signature(message, cert, dss, &self.algorithms)
    }

    fn tls13(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        verify_tls13_signature(message, cert, dss, &self.algorithms)
    }

    fn check(&self, presented: &CertificateDer<'_>) -> Result<(), rustls::Error> {
        if presented.as_ref() == self.expected.as_ref() {
            Ok(())
        } else {
            Err(rustls::Error::InvalidCertificate(rustls::CertificateError::UnknownIssuer))
        }
    }
}

impl ClientCertVerifier for PinnedCertificate {
    fn root_hint_subjects(&self) -> &[DistinguishedName] {
        &[]
    }

    fn verify_client_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        _now: UnixTime,
    ) -> Result<ClientCertVerified, rustls::Error> {
        self.check(end_entity).map(|()| ClientCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.tls12(message, cert, dss)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.tls13(message, cert, dss)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.algorithms.supported_schemes()
    }
}

impl ServerCertVerifier for PinnedCertificate {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp_response: &[u8],
        _now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        self.check(end_entity).map(|()| ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.tls12(message, cert, dss)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.tls13(message, cert, dss)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.algorithms.supported_schemes()
    }
}

/// Reads the one certificate of a PEM text.
pub fn parse_certificate_pem(pem: &str) -> Result<CertificateDer<'static>, TlsError> {
    CertificateDer::from_pem_slice(pem.as_bytes()).map_err(|e| TlsError::ClientCertificate(e.to_string()))
}

/// The server side: our identity, the client's certificate required and pinned, HTTP/2 by ALPN
/// (grpc-go refuses a TLS server that does not negotiate `h2`).
pub fn server_config(identity: &Identity, client_certificate: CertificateDer<'static>) -> Result<rustls::ServerConfig, TlsError> {
    let mut config = rustls::ServerConfig::builder_with_provider(crypto())
        .with_safe_default_protocol_versions()?
        .with_client_cert_verifier(Arc::new(PinnedCertificate::new(client_certificate)))
        .with_single_cert(vec![identity.certificate.clone()], identity.key())?;
    config.alpn_protocols = vec![b"h2".to_vec()];
    Ok(config)
}

/// The client side, for our own tests and benchmarks: present `identity`, accept only `server_certificate`.
pub fn client_config(identity: &Identity, server_certificate: CertificateDer<'static>) -> Result<rustls::ClientConfig, TlsError> {
    let mut config = rustls::ClientConfig::builder_with_provider(crypto())
        .with_safe_default_protocol_versions()?
        .dangerous()
        .with_custom_certificate_verifier(Arc::new(PinnedCertificate::new(server_certificate)))
        .with_client_auth_cert(vec![identity.certificate.clone()], identity.key())?;
    config.alpn_protocols = vec![b"h2".to_vec()];
    Ok(config)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pem_round_trips_and_pinning_is_exact() {
        let one = Identity::generate().unwrap();
        let two = Identity::generate().unwrap();
        let parsed = parse_certificate_pem(&one.certificate_pem()).unwrap();
        assert_eq!(parsed, one.certificate);
        let pin = PinnedCertificate::new(parsed);
        assert!(pin.check(&one.certificate).is_ok());
        assert!(pin.check(&two.certificate).is_err());
    }

    /// Terraform's client certificate is P-521: its handshake signature verifies, and a changed
    /// message, another key or a mangled signature does not.
    #[test]
    fn p521_signatures_verify_and_nothing_else_does() {
        use p521::ecdsa::signature::Signer as _;
        let signing = |seed: u8| p521::ecdsa::SigningKey::from_slice(&[seed; 65]).unwrap();
        let (key, other) = (signing(7), signing(9));
        let public = |k: &p521::ecdsa::SigningKey| k.verifying_key().to_sec1_point(false).as_bytes().to_vec();
        let message = b"TLS 1.3, client CertificateVerify";
        let signature: p521::ecdsa::Signature = key.sign(message);
        let der = signature.to_der();
        let der = der.as_bytes();
        let verifies =
            |public: &[u8], message: &[u8], signature: &[u8]| EcdsaP521Sha512.verify_signature(public, message, signature).is_ok();
        assert!(verifies(&public(&key), message, der));
        assert!(!verifies(&public(&key), b"another message", der));
        assert!(!verifies(&public(&other), message, der));
        let mut mangled = der.to_vec();
        *mangled.last_mut().unwrap() ^= 1;
        assert!(!verifies(&public(&key), message, &mangled));
        assert!(!verifies(b"not a point", message, der));
    }

    #[test]
    fn the_provider_offers_p521_besides_rings_schemes() {
        let schemes = crypto().signature_verification_algorithms.supported_schemes();
        assert_eq!(schemes, signature_algorithms().supported_schemes(), "the provider verifies with the pinned verifier's list");
        assert!(schemes.contains(&SignatureScheme::ECDSA_NISTP521_SHA512), "{schemes:?}");
        assert!(schemes.contains(&SignatureScheme::ECDSA_NISTP256_SHA256), "{schemes:?}");
    }

    #[test]
    fn garbage_client_certificate_is_an_error() {
        assert!(matches!(parse_certificate_pem("not a certificate"), Err(TlsError::ClientCertificate(_))));
    }
}
