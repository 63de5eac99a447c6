"""The demo organisation's records, one module per area; ``scripts.build_demo_data`` runs them."""
