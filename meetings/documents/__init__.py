"""Meeting day: certificates with QR verification, the announcement document and the projector slides."""
