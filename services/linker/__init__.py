"""Event linking: event mentions from many articles -> real-world events with stable ids."""
