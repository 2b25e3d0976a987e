SELECT postcode, lat, lon FROM postcode_centroids
