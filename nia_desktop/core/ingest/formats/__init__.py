"""One parser per format. Each takes untrusted bytes and returns Documents; none touches the vault."""
