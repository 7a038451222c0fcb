"""NIA Desktop: intelligence-fusion workstation for air-gapped machines."""

__version__ = "0.1.0"
