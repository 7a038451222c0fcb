"""Storage layer: schema, migrations and one repository module per aggregate."""
