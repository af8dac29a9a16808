//! Explorer links for signatures and accounts, for the cluster in use (including a local RPC URL).

/// Where the explorer should look.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Explorer {
    /// The cluster's query string for explorer.solana.com.
    query: String,
}

impl Explorer {
    /// Links for the cluster at `rpc_url`: mainnet, devnet and testnet by name, anything else as a
    /// custom URL.
    pub fn for_rpc(rpc_url: &str) -> Self {
        let query = if rpc_url.contains("api.mainnet-beta.solana.com") {
            String::new()
        } else if rpc_url.contains("api.devnet.solana.com") {
            "?cluster=devnet".to_string()
        } else if rpc_url.contains("api.testnet.solana.com") {
            "?cluster=testnet".to_string()
        } else {
            let encoded: String = rpc_url
                .bytes()
                .map(|b| match b {
                    b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                        (b as char).to_string()
                    }
                    _ => format!("%{b:02X}"),
                })
                .collect();
            format!("?cluster=custom&customUrl={encoded}")
        };
        Self { query }
    }

    /// The explorer page of a transaction.
    pub fn tx(&self, signature: &impl std::fmt::Display) -> String {
        format!("https://explorer.solana.com/tx/{signature}{}", self.query)
    }

    /// The explorer page of an account.
    pub fn address(&self, address: &impl std::fmt::Display) -> String {
        format!(
            "https://explorer.solana.com/address/{address}{}",
            self.query
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_follow_the_cluster() {
        assert_eq!(
            Explorer::for_rpc("https://api.devnet.solana.com").tx(&"abc"),
            "https://explorer.solana.com/tx/abc?cluster=devnet"
        );
        assert_eq!(
            Explorer::for_rpc("https://api.mainnet-beta.solana.com").address(&"k"),
            "https://explorer.solana.com/address/k"
        );
        assert_eq!(
            Explorer::for_rpc("http://127.0.0.1:8899").tx(&"s"),
            "https://explorer.solana.com/tx/s?cluster=custom&customUrl=http%3A%2F%2F127.0.0.1%3A8899"
        );
    }
}
