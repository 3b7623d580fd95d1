"""Plumbing shared by the services: settings, errors, topics, Kafka clients, the embedded broker."""
