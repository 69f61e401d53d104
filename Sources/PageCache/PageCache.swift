import LagoAPI
