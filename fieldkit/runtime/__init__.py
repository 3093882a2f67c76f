"""What one run of fieldkit works with: the content database it opens (locate.py), the environment variables it
reads (env.py), the user's saved settings (settings.py), and the content inside the one-file executable."""
