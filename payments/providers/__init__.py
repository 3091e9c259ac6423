"""Payment providers behind one small interface (base.py); `registry.provider_for(name)`."""
